package io.catalogs.mongo;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldType;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One grouped listing (such as the first invoices of each of several customers) as a single
 * aggregation: match the request's filter and the group values, sort by group then the request's
 * order, push each group's documents and keep the first {@code limit + 1} of each (the probe that
 * tells whether more exist). Only those reach the client; the server's {@code $group} stage holds
 * every matching document of the requested groups while it runs (with disk use allowed).
 */
final class MongoGroupedListing {

	private static final String ITEMS = "items";

	private final EntityType type;

	private final String groupField;

	private final FieldType groupType;

	private final Collection<?> groupValues;

	private final PageRequest request;

	MongoGroupedListing(EntityType type, String groupField, Collection<?> groupValues, PageRequest request) {
		this.type = type;
		this.groupField = MongoDocumentMapper.storedName(groupField);
		this.groupType = type.field(groupField).type();
		this.groupValues = groupValues;
		this.request = request;
	}

	/** Every requested group value mapped to its window (empty when nothing matches). */
	Mono<Map<Object, Page>> read(MongoCollection<Document> collection) {
		Map<Object, Object> requestedByKey = new LinkedHashMap<>();
		Map<Object, Page> pages = new LinkedHashMap<>();
		List<Object> stored = new ArrayList<>();
		for (Object value : this.groupValues) {
			if (value != null && !pages.containsKey(value)) {
				Object bson = MongoDocumentMapper.toBson(this.groupType, value);
				stored.add(bson);
				requestedByKey.put(key(bson), value);
				pages.put(value, Page.fromProbe(List.of(), this.request));
			}
		}
		if (stored.isEmpty()) {
			return Mono.just(Collections.unmodifiableMap(pages));
		}
		Bson filter = Filters.and(Filters.in(this.groupField, stored),
				MongoQueryTranslator.filter(this.type, this.request));
		int probeSize = MongoQueryTranslator.probeSize(this.request);
		Document firstItems = new Document("$slice", List.of("$" + ITEMS, probeSize));
		List<Bson> pipeline = List.of(Aggregates.match(filter),
				Aggregates.sort(MongoQueryTranslator.sort(this.request, this.groupField)),
				Aggregates.group("$" + this.groupField, Accumulators.push(ITEMS, "$$ROOT")),
				Aggregates.project(new Document(ITEMS, firstItems)));
		return Flux.from(collection.aggregate(pipeline).allowDiskUse(true)).doOnNext(group -> {
			Object requested = requestedByKey.get(key(group.get(MongoDocumentMapper.ID)));
			if (requested != null) {
				List<Document> documents = group.getList(ITEMS, Document.class);
				pages.put(requested, Page.fromProbe(documents.stream()
					.map(document -> MongoDocumentMapper.toEntity(this.type, document))
					.toList(), this.request));
			}
		}).then(Mono.fromSupplier(() -> Collections.unmodifiableMap(pages)));
	}

	/** Decimals group by numeric value, whatever their scale. */
	private static Object key(Object bson) {
		return (bson instanceof Decimal128 decimal) ? decimal.bigDecimalValue().stripTrailingZeros() : bson;
	}
}
