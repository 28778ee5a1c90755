/**
 * @since 0.1.0
 */
export * as BulkImport from "./BulkImport.js"
export * as Migrations from "./Migrations.js"
export * as PostgresStore from "./PostgresStore.js"
