package io.catalogs.api.mapping;

import io.catalogs.api.RemoteObject;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.tck.SampleEntities;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.catalogs.tck.EntityAssertions.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped mapping, and every conversion, round-trips internal → vendor → internal without
 * loss for every mapped field.
 */
class MappingRoundTripTests {

	/** The shipped customer mapping of each vendor, with the vendor object's schema. */
	static Stream<Arguments> shippedCustomerMappings() {
		return Stream.of(Arguments.of("stripe", VendorSchemas.STRIPE_CUSTOMER), Arguments.of("hubspot", VendorSchemas.HUBSPOT_CONTACT),
				Arguments.of("salesforce", VendorSchemas.SALESFORCE_CONTACT),
				Arguments.of("quickbooks", VendorSchemas.QUICKBOOKS_CUSTOMER));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shippedCustomerMappings")
	void shippedCustomerMappingKeepsEveryField(String vendor, RemoteSchema schema) {
		EntityMapping mapping = compile(vendor, EntityTypes.CUSTOMER, schema, Map.of());
		List<Entity> customers = Stream.concat(SampleEntities.customers().stream(),
				Stream.of(SampleEntities.sample(EntityTypes.CUSTOMER, "x"), awkwardCustomer())).toList();
		for (Entity customer : customers) {
			assertSameEntity(roundTrip(mapping, customer, Links.NONE), customer);
		}
		Map<String, Object> full = mapping.toRemote(awkwardCustomer(), Links.NONE);
		assertThat(full).as("every mapped path gets a value").doesNotContainValue(null).containsOnlyKeys(mapping.paths());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shippedCustomerMappings")
	void clearedOptionalFieldsAreClearedAtTheVendor(String vendor, RemoteSchema schema) {
		EntityMapping mapping = compile(vendor, EntityTypes.CUSTOMER, schema, Map.of());
		Entity bare = SampleEntities.customer("bare", "Ada", "ada@example.com", null, null, SampleEntities.at(1),
				SampleEntities.at(2));
		Map<String, Object> remote = mapping.toRemote(bare, Links.NONE);
		mapping.pathsOf("phone").forEach((path) -> assertThat(remote).containsEntry(path, null));
		mapping.pathsOf("metadata").forEach((path) -> assertThat(remote).containsEntry(path, null));
		assertSameEntity(roundTrip(mapping, bare, Links.NONE), bare);
	}

	@Test
	void convertsCentsEpochsEnumsLinksAndTextInEveryDirection() {
		EntityMapping mapping = compile("stripe", EntityTypes.INVOICE, VendorSchemas.TEST_INVOICE, VendorSchemas.testInvoiceMapping());
		UUID customer = SampleEntities.id("c1");
		Links links = new MapLinks(Map.of(customer, "cus_1"));
		for (InvoiceStatus status : InvoiceStatus.values()) {
			Entity invoice = SampleEntities.invoice("i-" + status, "c1", "INV-Ü/1", "1234567.89", "EUR", status,
					Instant.parse("2024-01-31T12:00:00.001Z"), Instant.parse("2099-12-31T23:59:59.999Z"), SampleEntities.at(7),
					SampleEntities.at(8));
			Map<String, Object> remote = mapping.toRemote(invoice, links);
			assertThat(remote).containsEntry("customer", "cus_1").containsEntry("amount", 123456789L)
				.containsEntry("currency", "eur").containsEntry("status", status.name().toLowerCase())
				.containsEntry("issued", 1706702400001L).containsEntry("due", "2099-12-31T23:59:59.999Z");
			assertSameEntity(roundTrip(mapping, invoice, links), invoice);
		}
	}

	@Test
	void splitsNamesIntoFirstAndLastAndJoinsThemBack() {
		EntityMapping hubspot = compile("hubspot", EntityTypes.CUSTOMER, VendorSchemas.HUBSPOT_CONTACT, Map.of());
		EntityMapping salesforce = compile("salesforce", EntityTypes.CUSTOMER, VendorSchemas.SALESFORCE_CONTACT, Map.of());
		Entity ada = SampleEntities.customer("a", "Ada", "ada@example.com", null, null, SampleEntities.at(1), SampleEntities.at(1));
		Entity grace = SampleEntities.customer("g", "Grace Brewster Hopper", "grace@example.com", null, null,
				SampleEntities.at(1), SampleEntities.at(1));
		assertThat(hubspot.toRemote(ada, Links.NONE)).containsEntry("properties.firstname", "Ada")
			.containsEntry("properties.lastname", null);
		assertThat(salesforce.toRemote(ada, Links.NONE)).containsEntry("FirstName", null).containsEntry("LastName", "Ada");
		assertThat(hubspot.toRemote(grace, Links.NONE)).containsEntry("properties.firstname", "Grace")
			.containsEntry("properties.lastname", "Brewster Hopper");
		for (Entity customer : List.of(ada, grace)) {
			assertSameEntity(roundTrip(hubspot, customer, Links.NONE), customer);
			assertSameEntity(roundTrip(salesforce, customer, Links.NONE), customer);
		}
	}

	@Test
	void objectsWithoutTheGatewayIdAreNotEntities() {
		EntityMapping mapping = compile("stripe", EntityTypes.CUSTOMER, VendorSchemas.STRIPE_CUSTOMER, Map.of());
		RemoteObject foreign = new RemoteObject("cus_9", Map.of("name", "Made in the dashboard", "email", "x@example.com"));
		assertThat(mapping.toEntity(foreign, Links.NONE)).isEmpty();
		assertThat(mapping.version(foreign)).isEmpty();
	}

	@Test
	void objectsMissingARequiredFieldAreNotRead() {
		EntityMapping mapping = compile("stripe", EntityTypes.CUSTOMER, VendorSchemas.STRIPE_CUSTOMER, Map.of());
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "x");
		Map<String, Object> fields = new HashMap<>(mapping.toRemote(customer, Links.NONE));
		fields.put("email", "");
		RemoteObject emailCleared = new RemoteObject("cus_1", fields);
		assertThat(mapping.toEntity(emailCleared, Links.NONE)).isEmpty();
		assertThat(mapping.version(emailCleared)).contains(1L);
	}

	@Test
	void defaultsFillMissingValuesBothWays() {
		Map<String, Map<String, FieldMappingProperties>> overrides = Map.of("customer",
				Map.of("phone", new FieldMappingProperties(null, null, null, null, "+1 000", null, null, null, null)));
		EntityMapping mapping = compile("stripe", EntityTypes.CUSTOMER, VendorSchemas.STRIPE_CUSTOMER, overrides.get("customer"));
		Entity bare = SampleEntities.customer("bare", "Ada", "ada@example.com", null, null, SampleEntities.at(1),
				SampleEntities.at(2));
		assertThat(mapping.toRemote(bare, Links.NONE)).containsEntry("phone", "+1 000");
		Map<String, Object> fields = new HashMap<>(mapping.toRemote(bare, Links.NONE));
		fields.remove("phone");
		assertThat(mapping.toEntity(new RemoteObject("cus_1", fields), Links.NONE)).get()
			.satisfies((read) -> assertThat(read.<String>get("phone")).isEqualTo("+1 000"));
	}

	static Entity roundTrip(EntityMapping mapping, Entity entity, Links links) {
		RemoteObject remote = new RemoteObject("remote-1", mapping.toRemote(entity, links));
		Optional<Entity> read = mapping.toEntity(remote, links);
		assertThat(read).as("%s read back", entity.id()).isPresent();
		return read.get();
	}

	static EntityMapping compile(String vendor, EntityType type, RemoteSchema schema,
			Map<String, FieldMappingProperties> overrides) {
		MappingCompiler compiler = new MappingCompiler("test", "catalogs.instances.test.mapping", MappingDefaults.location(vendor));
		return compiler.compile(type, schema, MappingDefaults.load(vendor).getOrDefault(type.name(), Map.of()), overrides);
	}

	/** A customer with text that trips naive encodings, and the contract suite's rich metadata. */
	static Entity awkwardCustomer() {
		return SampleEntities.customer("rt", "Zoë O'Brien \"the 2nd\" \\ 😀 ; --", "zoë+tag@example.com",
				"+44 (0)20 7946 0000", SampleEntities.richMetadata(), Instant.parse("2024-02-29T23:59:59.001Z"),
				Instant.parse("2024-03-01T00:00:00.999Z"));
	}

	/** Links from a fixed map of customer ids to vendor ids. */
	record MapLinks(Map<UUID, String> customers) implements Links {

		@Override
		public String remoteId(EntityType type, UUID entityId) {
			return this.customers.get(entityId);
		}

		@Override
		public UUID entityId(EntityType type, String remoteId) {
			return this.customers.entrySet().stream().filter((e) -> e.getValue().equals(remoteId)).map(Map.Entry::getKey)
				.findFirst().orElse(null);
		}
	}
}
