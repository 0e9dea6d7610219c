package io.ticketflow.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Binds configuration records the way Spring Boot does, without starting a context: from the
 * service's real {@code application.yml}, optionally overridden by a few properties.
 */
public final class ApplicationYaml {

    private ApplicationYaml() {
    }

    /** The record bound from application.yml, with {@code overrides} taking precedence. */
    public static <T> T bind(String prefix, Class<T> type, Map<String, String> overrides) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(overrides));
        ConfigurationPropertySources.from(yaml()).forEach(sources::add);
        return new Binder(sources, null, ApplicationConversionService.getSharedInstance())
                .bindOrCreate(prefix, Bindable.of(type));
    }

    /** The record bound from the given properties alone, without application.yml. */
    public static <T> T bindOnly(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(List.of(new MapConfigurationPropertySource(properties)), null,
                ApplicationConversionService.getSharedInstance()).bindOrCreate(prefix, Bindable.of(type));
    }

    private static List<PropertySource<?>> yaml() {
        try {
            return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
