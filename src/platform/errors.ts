/** Errors a service throws for the HTTP layer to turn into the right page. */

export class NotFoundError extends Error {
  readonly statusCode = 404;
  constructor(what = 'record') {
    super(`${what} not found`);
  }
}

export class ForbiddenError extends Error {
  readonly statusCode = 403;
  constructor(message = 'You do not have permission to do this') {
    super(message);
  }
}

/**
 * Input that passed the form's own checks but breaks a business rule (a
 * duplicate reference, completion without evidence). Carries a message per
 * field so the form can show the GOV.UK error summary.
 */
export class ValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join('; '));
  }
}
