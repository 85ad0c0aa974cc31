/** Record linkage without a database: CSV reading, blocking, comparison, scoring, encodings. */
export * from './csv-reader';
export * from './columns';
export * from './prepare';
export * from './compare';
export * from './model';
export * from './blocking';
export * from './engine';
export * from './evaluate';
export * from './dedupe-file';
export * from './clk';
