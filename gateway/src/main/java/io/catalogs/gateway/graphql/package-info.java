/**
 * The GraphQL API of the gateway (schema: {@code graphql/schema.graphqls} of the schema module).
 *
 * <p>Behaviour in short:
 * <ul>
 * <li><b>Catalogs</b>: every query and mutation takes an optional {@code catalog} argument; without it
 * the entity type's primary serves it. Unknown names are {@code UNKNOWN_CATALOG}.</li>
 * <li><b>Generic paths</b>: {@link io.catalogs.gateway.graphql.EntityService} serves every entity type
 * through its {@link io.catalogs.gateway.graphql.EntityMapping}; the controllers are thin per-type
 * wrappers. Inputs are read as maps whose keys are the entity's field names, so a patch tells an absent
 * field (unchanged) from an explicit {@code null} (cleared).</li>
 * <li><b>Creates</b>: the gateway assigns a random UUID, {@code createdAt = updatedAt = now} and
 * version 1. An invoice without {@code number} gets {@code INV-yyyyMMdd-XXXXXX} (UTC date, six random
 * characters, see {@link io.catalogs.gateway.graphql.EntityMappings#invoiceNumber}), without
 * {@code status} {@code DRAFT}; its {@code customerId} must name a customer of the catalog written to
 * (or, if that catalog holds no customers, of the customers' primary), else {@code NOT_FOUND} naming
 * {@code customerId}.</li>
 * <li><b>Validation</b>: {@link io.catalogs.gateway.graphql.InputValidator} lists the rules; a refusal is
 * {@code BAD_REQUEST} with the field in the message and in {@code extensions.field}. The check that
 * {@code dueAt} is not before {@code issuedAt} reads the stored invoice when a patch sets only one of
 * them (a concurrent write between that read and the update is not detected).</li>
 * <li><b>Connections</b>: Relay connections over keyset cursors ({@link io.catalogs.spi.Cursor}, bound
 * to the entity type and order); {@code first}/{@code after} read forwards, {@code last}/{@code before}
 * backwards; 20 items by default and at most 100 ({@code catalogs.graphql.default-page-size},
 * {@code catalogs.graphql.max-page-size}); {@code first: 0} is an empty page without a store call. Too
 * large or negative sizes, both {@code first} and {@code last}, and foreign or malformed cursors are
 * {@code BAD_REQUEST}; an order or filter the catalog cannot serve is {@code BAD_REQUEST} naming the
 * catalog and capability.</li>
 * <li><b>Batching</b>: a page of customers with their invoices costs one catalog call per level
 * ({@link io.catalogs.gateway.graphql.RelationBatchLoaders}).</li>
 * <li><b>Errors</b>: {@link io.catalogs.gateway.graphql.GatewayExceptionResolver} is the one mapping to
 * {@code extensions.classification}; unexpected failures are {@code INTERNAL_ERROR} with a correlation
 * id that finds the stack trace in the log.</li>
 * <li><b>HTTP</b>: {@code POST /graphql}; a body that is missing, not JSON or without {@code query}, or
 * of another content type, is a 4xx with no detail beyond the status. A blank {@code query} is a GraphQL syntax error:
 * {@code 200} with the error for {@code application/json} clients and {@code 400} for
 * {@code application/graphql-response+json} ones, as GraphQL over HTTP specifies. GraphiQL is at
 * {@code /graphiql}.</li>
 * </ul>
 */
package io.catalogs.gateway.graphql;
