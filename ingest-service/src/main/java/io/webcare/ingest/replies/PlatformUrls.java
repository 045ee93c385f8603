package io.webcare.ingest.replies;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the URL of a platform call from a configured base URL. A base URL on port 0 means "this very instance"
 * (tests run on a random port and point the adapters at the simulator): the port actually bound is used.
 */
final class PlatformUrls {
    private PlatformUrls() {}

    static URI of(String baseUrl, String... segments) {
        StringBuilder url = new StringBuilder(stripSlash(local(baseUrl)));
        for (String segment : segments) {
            url.append('/')
                    .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(url.toString());
    }

    private static String local(String baseUrl) {
        URI base = URI.create(baseUrl);
        if (base.getPort() != 0) {
            return baseUrl;
        }
        var config = ConfigProvider.getConfig();
        int port = config.getOptionalValue("quarkus.http.test-port", Integer.class)
                .filter(p -> p > 0)
                .orElseGet(() -> config.getValue("quarkus.http.port", Integer.class));
        return base.getScheme() + "://" + base.getHost() + ":" + port
                + (base.getRawPath() == null ? "" : base.getRawPath());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
