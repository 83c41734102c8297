import { ApiError } from './api-error.js';

/** 5xx from the API after the retries ran out. */
export class ServerError extends ApiError {
  override readonly name: string = 'ServerError';
}
