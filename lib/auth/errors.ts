// Expected failures: their message is safe to show to the user.
export class ActionError extends Error {
  constructor(
    message: string,
    readonly code: "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" = "INVALID",
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}
export class ForbiddenError extends ActionError {
  constructor(message = "You do not have permission to do this.") {
    super(message, "FORBIDDEN");
  }
}
export class NotFoundError extends ActionError {
  constructor(message = "Not found, or you do not have access to it.") {
    super(message, "NOT_FOUND");
  }
}
export class ConflictError extends ActionError {
  constructor(message: string, readonly current?: unknown) {
    super(message, "CONFLICT");
  }
}
