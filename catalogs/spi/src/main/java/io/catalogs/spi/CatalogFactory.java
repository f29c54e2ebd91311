package io.catalogs.spi;

import io.catalogs.schema.EntityType;

import java.util.Set;

/**
 * Creates catalogs of one kind from configuration: the bean a catalog module contributes through
 * Spring Boot auto-configuration. The gateway binds {@code catalogs.instances.<name>} to
 * {@link #propertiesType()} for every instance whose {@code kind} equals {@link #kind()}.
 *
 * @param <P> the kind-specific properties record (connection keys and tuning)
 */
public interface CatalogFactory<P> {

	/** The value of {@code kind} this factory serves, lower-case ({@code postgres}, {@code mongo}, ...). */
	String kind();

	/** The record {@code catalogs.instances.<name>} binds to for this kind. */
	Class<P> propertiesType();

	/**
	 * The entity types this kind can hold at all; configuring another one fails at startup.
	 */
	Set<EntityType> supportedEntityTypes();

	/**
	 * Create a catalog. Called once per instance at startup, on the main thread, where blocking is
	 * allowed (migrations, index creation). Must not fail because the store is down: the catalog
	 * then reports itself unavailable until the store is back.
	 */
	Catalog create(CatalogDefinition definition, P properties);
}
