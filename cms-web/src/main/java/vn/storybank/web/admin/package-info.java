/**
 * Owns the admin API's resources: thin classes that parse a request, call one core service with the
 * signed-in actor and answer; the services check permissions and validate.
 *
 * <p>Must not know: the EntityManager, JPQL or any persistence type (ArchitectureTest); delivery or
 * search resources.
 *
 * <p>Nulls: parameters and results are non-null unless their Javadoc says null; an absent query
 * parameter arrives as null and is checked here.
 */
package vn.storybank.web.admin;
