/**
 * The editor app's page: serves the shell ({@code index.html}) with the content security policy
 * that lets its import map and modules run. The app itself is static files under {@code webapp/app}
 * and lit from webjars; it talks to the admin and delivery APIs like any other client.
 *
 * <p>Knows nothing of the core or the API resources: the app reaches them over HTTP only.
 */
package vn.storybank.web.app;
