package vn.storybank.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import vn.storybank.web.admin.AuditCsvResource;
import vn.storybank.web.admin.AuditResource;
import vn.storybank.web.admin.BrandKitResource;
import vn.storybank.web.admin.ChangeResource;
import vn.storybank.web.admin.ChannelResource;
import vn.storybank.web.admin.CollectionResource;
import vn.storybank.web.admin.DashboardResource;
import vn.storybank.web.admin.HtmlCleanResource;
import vn.storybank.web.admin.MeResource;
import vn.storybank.web.admin.MediaResource;
import vn.storybank.web.admin.MemberResource;
import vn.storybank.web.admin.PartnerResource;
import vn.storybank.web.admin.ProductResource;
import vn.storybank.web.admin.SessionResource;
import vn.storybank.web.admin.StoryResource;
import vn.storybank.web.admin.TaskResource;
import vn.storybank.web.admin.TaxonomyResource;
import vn.storybank.web.admin.TenantListResource;
import vn.storybank.web.admin.TenantResource;
import vn.storybank.web.admin.TransferResource;
import vn.storybank.web.admin.UserResource;
import vn.storybank.web.admin.WebhookResource;
import vn.storybank.web.admin.WorkflowSettingsResource;
import vn.storybank.web.delivery.ChannelFeedResource;
import vn.storybank.web.delivery.DeliveryResource;
import vn.storybank.web.delivery.MediaDeliveryResource;
import vn.storybank.web.http.BasicAuthFilter;
import vn.storybank.web.http.BodyLimit;
import vn.storybank.web.http.Compression;
import vn.storybank.web.http.ConditionalRequests;
import vn.storybank.web.http.JsonExceptionMappers;
import vn.storybank.web.http.JsonProvider;
import vn.storybank.web.http.ParameterText;
import vn.storybank.web.http.ProblemTypes;
import vn.storybank.web.http.RequestMetrics;
import vn.storybank.web.http.StorybankExceptionMapper;
import vn.storybank.web.http.UnexpectedExceptionMapper;
import vn.storybank.web.http.WebExceptionMapper;
import vn.storybank.web.search.AdminSearchResource;
import vn.storybank.web.search.PublicSearchResource;
import vn.storybank.web.search.SearchIndexResource;

/**
 * The JAX-RS application under /api. Every class is listed (listing disables scanning), and
 * Jersey's own JSON support is switched off so that only our Jackson configuration reads and writes
 * JSON (otherwise Yasson would accept unknown fields and answer malformed JSON with HTML).
 */
@ApplicationPath("/api")
public class StorybankApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        TenantResource.class,
        TenantListResource.class,
        UserResource.class,
        MeResource.class,
        MemberResource.class,
        AuditResource.class,
        AuditCsvResource.class,
        SessionResource.class,
        TaxonomyResource.class,
        StoryResource.class,
        ProductResource.class,
        MediaResource.class,
        MediaDeliveryResource.class,
        BrandKitResource.class,
        DeliveryResource.class,
        ChannelFeedResource.class,
        ChannelResource.class,
        PartnerResource.class,
        CollectionResource.class,
        ChangeResource.class,
        TaskResource.class,
        HtmlCleanResource.class,
        DashboardResource.class,
        WorkflowSettingsResource.class,
        TransferResource.class,
        WebhookResource.class,
        AdminSearchResource.class,
        PublicSearchResource.class,
        SearchIndexResource.class,
        JsonProvider.class,
        BasicAuthFilter.class,
        BodyLimit.class,
        Compression.class,
        ConditionalRequests.class,
        StorybankExceptionMapper.class,
        JsonExceptionMappers.Parse.class,
        JsonExceptionMappers.Mapping.class,
        JsonExceptionMappers.Other.class,
        JsonExceptionMappers.Encoding.class,
        ParameterText.class,
        ProblemTypes.class,
        RequestMetrics.class,
        WebExceptionMapper.class,
        UnexpectedExceptionMapper.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.jsonFeature",
        "StorybankJackson",
        // Multipart (media uploads) from Payara's Jersey; parts over 1 MB are buffered to disk.
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.media.multipart.MultiPartFeature"
            // Jersey's encoders compress what Compression chooses (text, never media or ranges).
            + ",org.glassfish.jersey.message.GZipEncoder"
            + ",org.glassfish.jersey.message.DeflateEncoder");
  }
}
