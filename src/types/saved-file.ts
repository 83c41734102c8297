/**
 * What `job.downloadToFile(path)` resolves with, once the complete file is in place.
 *
 * @example `const { path, bytes } = await job.downloadToFile('exports/conversation.csv');`
 */
export interface SavedFile {
  readonly path: string;
  readonly bytes: number;
}
