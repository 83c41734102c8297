// `khoros-care-analytics/files`: how an export reaches a file — the checks on the target (a new
// or regular file; a symbolic link written through), its final mode, and the temp files beside it
// (named after the owning process, so leftovers of a killed one can be removed), the atomic write
// through such a temp file, and the batched writer that puts a stream's chunks into the file. The
// client's downloadToFile and the CLI's --out share them.
export { type FileTarget, finalMode, resolveFileTarget } from './file-target.js';
export { removeStaleTemps, tempPathFor } from './temp-file.js';
export { writeAtomically } from './write-atomically.js';
export { type WriteChunksOptions, writeChunks } from './write-chunks.js';
