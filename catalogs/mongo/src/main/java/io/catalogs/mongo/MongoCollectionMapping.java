package io.catalogs.mongo;

import io.catalogs.schema.Customer;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.FieldDef;
import io.catalogs.schema.FieldType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;

/**
 * Where and how one entity type lives in MongoDB: its collection and its secondary indexes. This is
 * the one place that names collections; adding an entity type to the Mongo catalog is one entry in
 * {@link #MAPPINGS}, everything else is derived from the {@link EntityType}.
 *
 * <p>Derived indexes: every type gets {@code {createdAt:1, _id:1}} and {@code {updatedAt:1, _id:1}}
 * (the default order and change-time filters); every {@link FieldType#ID} or {@link FieldType#ENUM}
 * attribute gets {@code {field:1, createdAt:1, _id:1}} (equality filters and grouped listings such
 * as a customer's invoices, in the default order); every {@link FieldType#DECIMAL} or
 * {@link FieldType#TIMESTAMP} attribute gets {@code {field:1, _id:1}} (range filters and keyset
 * paging on it). Text lookups a type is queried by are listed per type ({@code extraKeys}).
 *
 * @param type the entity type
 * @param collection the collection holding its documents, tombstones included
 * @param extraKeys the fields of additional single-field ascending indexes
 */
public record MongoCollectionMapping(EntityType type, String collection, List<String> extraKeys) {

	private static final Map<EntityType, MongoCollectionMapping> MAPPINGS = index(
			new MongoCollectionMapping(EntityTypes.CUSTOMER, "customers", List.of(Customer.EMAIL)),
			new MongoCollectionMapping(EntityTypes.INVOICE, "invoices", List.of()));

	public MongoCollectionMapping {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(collection, "collection");
		extraKeys = List.copyOf(extraKeys);
	}

	/** The mapping of {@code type}, if the Mongo catalog can hold it. */
	public static Optional<MongoCollectionMapping> find(EntityType type) {
		return Optional.ofNullable(MAPPINGS.get(type));
	}

	/** The entity types the Mongo catalog can hold. */
	public static Set<EntityType> supportedTypes() {
		return MAPPINGS.keySet();
	}

	/** The mappings of these types, in the given order. */
	static List<MongoCollectionMapping> of(Collection<EntityType> types) {
		return types.stream()
			.map(type -> find(type)
				.orElseThrow(() -> new IllegalArgumentException("the mongo catalog cannot hold " + type)))
			.toList();
	}

	/** The secondary indexes of the collection ({@code _id} is always indexed by MongoDB). */
	public List<IndexModel> indexes() {
		String id = MongoDocumentMapper.ID;
		List<IndexModel> indexes = new ArrayList<>();
		indexes.add(new IndexModel(Indexes.ascending(EntityType.CREATED_AT, id)));
		indexes.add(new IndexModel(Indexes.ascending(EntityType.UPDATED_AT, id)));
		for (FieldDef attribute : this.type.attributes()) {
			switch (attribute.type()) {
				case ID, ENUM ->
					indexes.add(new IndexModel(Indexes.ascending(attribute.name(), EntityType.CREATED_AT, id)));
				case DECIMAL, TIMESTAMP -> indexes.add(new IndexModel(Indexes.ascending(attribute.name(), id)));
				default -> {
				}
			}
		}
		for (String key : this.extraKeys) {
			this.type.field(key);
			indexes.add(new IndexModel(Indexes.ascending(key)));
		}
		return indexes;
	}

	private static Map<EntityType, MongoCollectionMapping> index(MongoCollectionMapping... mappings) {
		Map<EntityType, MongoCollectionMapping> byType = new LinkedHashMap<>();
		for (MongoCollectionMapping mapping : mappings) {
			byType.put(mapping.type(), mapping);
		}
		return Collections.unmodifiableMap(byType);
	}
}
