/** The fetch we need: `globalThis.fetch` or any function with its shape (tests inject one). */
export type FetchLike = (input: Request) => Promise<Response>;
