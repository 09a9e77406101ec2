// yauzl ships no types; these are the parts of its documented API (README, v3.4) that we use.
declare module 'yauzl' {
  import type { Readable } from 'node:stream';

  export interface ExtraField {
    id: number;
    data: Buffer;
  }

  export interface Entry {
    /** The name's bytes; read as text by getFileNameLowLevel, as we open zips with `decodeStrings: false`. */
    fileNameRaw: Buffer;
    generalPurposeBitFlag: number;
    extraFields: ExtraField[];
    uncompressedSize: number;
    compressedSize: number;
    /** The entry's CRC-32 as the central directory states it; yauzl does not check the data against it. */
    crc32: number;
    /** Where the entry's local header, and so its data, begins in the zip. */
    relativeOffsetOfLocalHeader: number;
    isEncrypted(): boolean;
    canDecodeFileData(): boolean;
  }

  export interface ZipFile {
    entryCount: number;
    eachEntry(): AsyncIterableIterator<Entry>;
    openReadStreamPromise(entry: Entry): Promise<Readable>;
    close(): void;
  }

  export function openPromise(
    path: string,
    options?: { autoClose?: boolean; decodeStrings?: boolean; validateEntrySizes?: boolean; strictFileNames?: boolean },
  ): Promise<ZipFile>;
  export function getFileNameLowLevel(generalPurposeBitFlag: number, fileNameBuffer: Buffer, extraFields: ExtraField[], strictFileNames: boolean): string;
  /** Why a decoded name is unsafe ("absolute path: /x", "invalid relative path: ../x"), or null. */
  export function validateFileName(fileName: string): string | null;
}
