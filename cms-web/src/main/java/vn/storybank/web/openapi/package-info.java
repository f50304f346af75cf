/**
 * Serves the API contract (META-INF/openapi.yaml) at {@code GET /openapi}, as written, with the
 * server it was asked on. Payara's own MicroProfile OpenAPI endpoint is switched off
 * (deploy/payara-preboot.asadmin): it rebuilt the document through its model, which added a
 * non-standard {@code endpoints} key, dropped every {@code security: []} and named a fixed server.
 *
 * <p>Must not know: the resources or the core; the document is a file.
 */
package vn.storybank.web.openapi;
