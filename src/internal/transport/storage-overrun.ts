/**
 * Storage sent bytes after the end of the body its headers announced (more than its
 * Content-Length). Raised inside the body stream of the storage request, so that the download
 * turns it into an ApiError instead of resuming: a server that overruns its own length has no
 * offset a `Range` request could trust.
 */
export class StorageOverrun extends Error {
  override readonly name = 'StorageOverrun';

  constructor(readonly declared: number | undefined) {
    super(
      declared === undefined
        ? 'bytes after the end of the body'
        : `more bytes than the Content-Length of ${declared}`,
    );
  }
}
