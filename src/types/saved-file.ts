export interface SavedFile {
  readonly path: string;
  readonly bytes: number;
}
