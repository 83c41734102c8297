/** What callers may pass wherever the API wants epoch milliseconds. */
export type TimeInput = Date | number | string;
