package io.catalogs.gateway.graphql;

import io.catalogs.gateway.catalog.CatalogsProperties;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.CatalogRole;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code catalogs} query: every configured catalog with what it holds and can do; {@code healthy}
 * pings the catalog (only when asked for) and counts as down after {@code catalogs.health-timeout}.
 */
@Controller
public class CatalogController {

	/** The GraphQL {@code Catalog} type. */
	public record CatalogView(String name, String kind, CatalogRole role, List<String> entityTypes,
			List<String> capabilities) {

		static CatalogView of(Catalog catalog) {
			return new CatalogView(catalog.definition().name(), catalog.definition().kind(),
					catalog.definition().role(),
					catalog.definition().entityTypes().stream().map(EntityType::name).sorted().toList(),
					catalog.capabilities().stream().map(Capability::name).sorted().toList());
		}
	}

	private final CatalogRegistry registry;

	private final Duration healthTimeout;

	public CatalogController(CatalogRegistry registry, CatalogsProperties properties) {
		this.registry = registry;
		this.healthTimeout = properties.healthTimeout();
	}

	@QueryMapping
	public List<CatalogView> catalogs() {
		return this.registry.all().stream().map(CatalogView::of).toList();
	}

	@SchemaMapping(typeName = "Catalog")
	public Mono<Boolean> healthy(CatalogView view) {
		return this.registry.find(view.name())
			.map((catalog) -> catalog.ping().timeout(this.healthTimeout).thenReturn(true).onErrorReturn(false))
			.orElseGet(() -> Mono.just(false));
	}
}
