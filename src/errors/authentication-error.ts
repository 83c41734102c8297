import { ApiError } from './api-error.js';

/** 401/403 from the API: wrong username/password, or a companyKey the user may not use. */
export class AuthenticationError extends ApiError {
  override readonly name: string = 'AuthenticationError';
}
