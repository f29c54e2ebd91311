package io.catalogs.api.hubspot;

import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteCondition;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.RemotePath;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.mapping.RemoteValueType;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.hubspot.HubSpotClient;
import io.catalogs.client.hubspot.HubSpotContact;
import io.catalogs.client.hubspot.HubSpotPage;
import io.catalogs.spi.Operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * HubSpot contacts as a {@link RemoteCollection}: paths {@code properties.<name>} (text: every
 * HubSpot property value is text) and the read-only {@code createdAt} and {@code updatedAt}.
 * Objects are looked up by the gateway id through its unique property ({@code idProperty}, read
 * from HubSpot's primary store), which also makes creates happen at most once. Lists filter by
 * equality on one property through the search API; deletes archive.
 */
final class HubSpotContactCollection implements RemoteCollection {

	static final String PROPERTIES = "properties.";

	static final RemoteSchema SCHEMA = RemoteSchema.of("HubSpot contact",
			RemotePath.anyKeyBelow("properties", RemoteValueType.TEXT, 100).withMaxLength(65_536),
			RemotePath.readOnly("createdAt", RemoteValueType.TIMESTAMP),
			RemotePath.readOnly("updatedAt", RemoteValueType.TIMESTAMP));

	private final HubSpotClient client;

	private final String gatewayIdProperty;

	private final int pageSize;

	HubSpotContactCollection(HubSpotClient client, String gatewayIdProperty, int pageSize) {
		this.client = client;
		this.gatewayIdProperty = gatewayIdProperty;
		this.pageSize = Math.min(pageSize, 100);
	}

	/** The HubSpot property of a {@code properties.<name>} path. */
	static String property(String path) {
		return path.substring(PROPERTIES.length());
	}

	@Override
	public RemoteSchema schema() {
		return SCHEMA;
	}

	@Override
	public boolean supports(String path, Operator operator) {
		return path.startsWith(PROPERTIES) && operator == Operator.EQ;
	}

	@Override
	public Mono<RemoteObject> get(String remoteId) {
		return this.client.contacts().get(remoteId).filter((contact) -> !contact.archived())
			.map(HubSpotContactCollection::toRemote);
	}

	@Override
	public Mono<RemoteObject> findByEntityId(String idPath, String entityId) {
		if (!idPath.equals(PROPERTIES + this.gatewayIdProperty)) {
			return Mono.empty();
		}
		return this.client.contacts().findByGatewayId(entityId).filter((contact) -> !contact.archived())
			.map(HubSpotContactCollection::toRemote);
	}

	@Override
	public boolean consistentLookup() {
		return true;
	}

	@Override
	public Flux<RemoteObject> list(List<RemoteCondition> conditions) {
		if (conditions.isEmpty()) {
			return this.client.contacts().all(this.pageSize).map(HubSpotContactCollection::toRemote);
		}
		// the search API takes one filter here; the catalog checks the others on what comes back
		RemoteCondition condition = conditions.get(0);
		String property = property(condition.path());
		String value = (String) condition.value();
		return search(property, value, null).expand((page) -> page.nextAfter()
			.map((after) -> search(property, value, after)).orElse(Mono.empty()), 1)
			.concatMapIterable(HubSpotPage::results, 1)
			.map(HubSpotContactCollection::toRemote);
	}

	private Mono<HubSpotPage> search(String property, String value, String after) {
		return this.client.contacts().search(property, value, this.pageSize, after);
	}

	@Override
	public Mono<String> create(Map<String, Object> fields, IdempotencyKey key) {
		return this.client.contacts().create(properties(fields, false)).map(HubSpotContact::id);
	}

	@Override
	public Mono<Void> update(String remoteId, Map<String, Object> fields) {
		return this.client.contacts().update(remoteId, properties(fields, true)).then();
	}

	@Override
	public Mono<Void> delete(String remoteId) {
		return this.client.contacts().archive(remoteId);
	}

	@Override
	public Mono<Void> ping() {
		return this.client.contacts().list(1, null).then();
	}

	/** The contact properties of {@code fields}; on update an empty text clears a property. */
	private static Map<String, String> properties(Map<String, Object> fields, boolean update) {
		Map<String, String> properties = new LinkedHashMap<>();
		fields.forEach((path, value) -> {
			if (path.startsWith(PROPERTIES) && (value != null || update)) {
				properties.put(property(path), (value != null) ? (String) value : "");
			}
		});
		return properties;
	}

	static RemoteObject toRemote(HubSpotContact contact) {
		Map<String, Object> fields = new LinkedHashMap<>();
		contact.properties().forEach((name, value) -> fields.put(PROPERTIES + name, value));
		fields.put("createdAt", contact.createdAt());
		fields.put("updatedAt", contact.updatedAt());
		return new RemoteObject(contact.id(), fields);
	}
}
