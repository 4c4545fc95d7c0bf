// Accessible field wiring shared by every form: the error sits next to the field and is read
// out with it (aria-describedby), and the field is marked invalid.

export function fieldProps(id: string, error?: { message?: string }) {
  return {
    id,
    "aria-invalid": error ? ("true" as const) : ("false" as const),
    "aria-describedby": error ? `${id}-error` : undefined,
  };
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {message}
    </p>
  );
}

/** A form's own message (a refused save, a conflict, a notice), read out when it appears. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}
