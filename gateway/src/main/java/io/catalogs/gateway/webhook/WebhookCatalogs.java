package io.catalogs.gateway.webhook;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The webhook settings of the configured catalogs: a catalog's {@code kind} and its signing
 * secrets ({@code catalogs.instances.<name>.webhook-secret}: a YAML list or one comma-separated
 * text, several during a rotation).
 */
final class WebhookCatalogs {

	private final Binder binder;

	WebhookCatalogs(Environment environment) {
		this.binder = Binder.get(environment);
	}

	/** The kind of {@code catalog}, {@code null} when it is not configured. */
	String kind(String catalog) {
		return this.binder.bind("catalogs.instances." + catalog + ".kind", String.class).orElse(null);
	}

	/** The signing secrets of {@code catalog}; empty when none. */
	List<String> secrets(String catalog) {
		return this.binder.bind("catalogs.instances." + catalog + ".webhook-secret", Bindable.listOf(String.class))
			.orElse(List.of())
			.stream()
			.map(String::trim)
			.filter((secret) -> !secret.isEmpty())
			.toList();
	}
}
