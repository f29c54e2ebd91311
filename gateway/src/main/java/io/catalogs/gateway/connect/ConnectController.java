package io.catalogs.gateway.connect;

import io.catalogs.gateway.graphql.CatalogController.CatalogView;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code connectCatalog} mutation and the {@code accountStatus} field of {@code Catalog}
 * (schema {@code connect.graphqls}).
 */
@Controller
public class ConnectController {

	private final CatalogConnector connector;

	public ConnectController(CatalogConnector connector) {
		this.connector = connector;
	}

	@MutationMapping
	public Mono<ConnectedCatalog> connectCatalog(@Argument String catalog, @Argument String authorizationCode,
			@Argument String redirectUri, @Argument String realmId) {
		return this.connector.connect(catalog, authorizationCode, redirectUri, realmId);
	}

	@SchemaMapping(typeName = "Catalog")
	public Mono<AccountStatus> accountStatus(CatalogView catalog) {
		return this.connector.status(catalog.name());
	}
}
