// A table of the simulator's snapshot: typed rows and the columns of them the copy loads (snapshot.ts).

export interface CopiedTable<R> {
  columns: Array<keyof R & string>;
  rows: R[];
}

export const copied = <R>(rows: R[], columns: Array<keyof R & string>): CopiedTable<R> => ({ columns, rows });
