/** HTCDS CSV import and export and the CTDC correspondence, without a database. */
export * from './csv';
export * from './ctdc-mapping';
