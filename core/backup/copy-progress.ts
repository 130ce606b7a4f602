// Progress of an SQLite page copy (better-sqlite3's `backup()`): how many pages each step copies and
// one line per tenth done, so a large database shows it is moving without flooding the terminal.
export interface CopyProgress {
  totalPages: number;
  remainingPages: number;
}

/** Steps of about 1 % of the file, never fewer than 256 pages (1 MB at 4 KiB pages). */
export function pagesPerStep(totalPages: number): number {
  return Math.max(256, Math.ceil(totalPages / 100));
}

/** A `progress` callback for `backup()` that reports each new tenth through `line`. */
export function copyProgress(label: string, line: (text: string) => void): (p: CopyProgress) => number {
  let lastTenth = -1;
  return ({ totalPages, remainingPages }) => {
    const done = totalPages - remainingPages;
    const tenth = totalPages ? Math.floor((done / totalPages) * 10) : 10;
    if (tenth > lastTenth) {
      lastTenth = tenth;
      line(`${label}: ${tenth * 10} % (${done} of ${totalPages} pages)`);
    }
    return pagesPerStep(totalPages);
  };
}
