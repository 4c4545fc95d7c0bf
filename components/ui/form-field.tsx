// Accessible field wiring shared by every form: the error sits next to the field and is read
// out with it (aria-describedby), and the field is marked invalid.
import type { ReactNode } from "react";

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

/**
 * A labelled field: its label, the control (rendered by children with the id and the error's
 * wiring from fieldProps, to spread on the input, select or textarea), and the error under it.
 */
export function Field({ id, label, error, children }: { id: string; label: string; error?: { message?: string }; children: (props: ReturnType<typeof fieldProps>) => ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(fieldProps(id, error))}
      <FieldError id={id} message={error?.message} />
    </div>
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
