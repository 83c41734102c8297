// `khoros-care-analytics/redaction`: the scrubbing the client applies to its own errors, for
// text it does not control (another library's error, a log line) before it is shown or logged.
export { redactText } from './redact-text.js';
export { redactUrl } from './redact-url.js';
