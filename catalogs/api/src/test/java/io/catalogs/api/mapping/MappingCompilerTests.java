package io.catalogs.api.mapping;

import io.catalogs.api.RemoteObject;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.tck.SampleEntities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Invalid mappings fail at startup naming the key that is wrong; overrides change one key at a time. */
class MappingCompilerTests {

	private static final String KEY = "catalogs.instances.test.mapping.customer.";

	@Test
	void overridingOneKeyKeepsTheRestOfTheShippedField() {
		EntityMapping mapping = compile(Map.of("email", transform("trim", "lower-case")));
		assertThat(mapping.pathsOf("email")).containsExactly("email");
		Entity customer = SampleEntities.customer("c", "Ada", "  Ada@Example.COM ", null, null, SampleEntities.at(1),
				SampleEntities.at(1));
		assertThat(mapping.toRemote(customer, Links.NONE)).containsEntry("email", "ada@example.com")
			.containsEntry("name", "Ada");
	}

	@Test
	void overridingThePathMovesOnlyThatField() {
		EntityMapping mapping = compile(Map.of("phone", FieldMappingProperties.path("metadata.mobile")));
		assertThat(mapping.pathsOf("phone")).containsExactly("metadata.mobile");
		assertThat(mapping.pathsOf("email")).containsExactly("email");
	}

	@Test
	void keysMatchFieldsInRelaxedForm() {
		EntityMapping mapping = compile(Map.of("created-at", FieldMappingProperties.path("metadata.created")));
		assertThat(mapping.pathsOf("createdAt")).containsExactly("metadata.created");
	}

	@Test
	void rejectsAnUnknownField() {
		assertFailure(Map.of("phon", FieldMappingProperties.path("phone")), KEY + "phon: not a field of customer");
	}

	@Test
	void rejectsAPathTheVendorObjectDoesNotHave() {
		assertFailure(Map.of("phone", FieldMappingProperties.path("phon")),
				KEY + "phone.path: 'phon' is not a path of a Stripe customer; known: name, email, phone, created (read-only), metadata.*");
	}

	@Test
	void rejectsAReadOnlyPath() {
		assertFailure(Map.of("phone", FieldMappingProperties.path("created")), KEY + "phone.path: 'created' is read-only");
	}

	@Test
	void rejectsAMetadataKeyLongerThanStripeAllows() {
		assertFailure(Map.of("phone", FieldMappingProperties.path("metadata." + "k".repeat(41))),
				KEY + "phone.path: key '" + "k".repeat(41) + "' is longer than the 40 characters");
	}

	@Test
	void rejectsAConversionThatDoesNotFitTheField() {
		assertFailure(Map.of("name", convert("cents")), KEY + "name.convert: cents does not convert a text field to a text path");
		assertFailure(Map.of("name", convert("rot13")), KEY + "name.convert: convert 'rot13' is not a conversion");
		assertFailure(Map.of("name", new FieldMappingProperties(List.of("metadata.a", "metadata.b"), null, null, null, null,
				null, null, null, null)), KEY + "name.convert: takes one path");
	}

	@Test
	void rejectsAKindMismatchWithoutConversion() {
		assertFailure(Map.of("createdAt", FieldMappingProperties.path("created")), KEY + "createdAt.path: 'created' is read-only");
		MappingCompiler compiler = compiler();
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> compiler.compile(EntityTypes.INVOICE, VendorSchemas.TEST_INVOICE,
					with(VendorSchemas.testInvoiceMapping(), "amount", FieldMappingProperties.path("paid_at")), Map.of()))
			.withMessageContaining("amount.convert: a decimal field cannot be held in a integer path without a conversion");
	}

	@Test
	void rejectsUnknownAndMisplacedTransforms() {
		assertFailure(Map.of("email", transform("shout")), KEY + "email.transform: 'shout' is not a transform; known: trim, lower-case, upper-case");
		assertFailure(Map.of("metadata", transform("trim")), KEY + "metadata.transform: text transforms apply to text fields");
	}

	@Test
	void rejectsADefaultThatIsNotAValueOfTheField() {
		assertFailure(Map.of("metadata", new FieldMappingProperties(null, null, null, null, "not json", null, null, null, null)),
				KEY + "metadata.default: 'not json' is not a value of metadata");
		assertFailure(Map.of("id", new FieldMappingProperties(null, null, null, null, "x", null, null, null, null)),
				KEY + "id.default: id is managed by the gateway");
	}

	@Test
	void rejectsLeavingARequiredFieldOut() {
		assertFailure(Map.of("email", new FieldMappingProperties(null, null, null, null, null, null, null, null, true)),
				KEY + "email: email must be mapped to a Stripe customer path");
	}

	@Test
	void optionalFieldsCanBeLeftOut() {
		EntityMapping mapping = compile(Map.of("phone", new FieldMappingProperties(null, null, null, null, null, null, null,
				null, true)));
		assertThat(mapping.pathsOf("phone")).isEmpty();
		assertThat(mapping.paths()).doesNotContain("phone");
	}

	@Test
	void rejectsTwoFieldsOnOnePath() {
		assertFailure(Map.of("phone", FieldMappingProperties.path("email")), "phone.path: 'email' is already the path of email");
	}

	@Test
	void rejectsAnEnumMapThatDoesNotCoverEveryName() {
		Map<String, FieldMappingProperties> invoice = with(VendorSchemas.testInvoiceMapping(), "status",
				new FieldMappingProperties(List.of("status"), null, null, null, null, null, Map.of("draft", "draft", "OPEN", "open"),
						null, null));
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> compiler().compile(EntityTypes.INVOICE, VendorSchemas.TEST_INVOICE, invoice, Map.of()))
			.withMessageContaining("status.values: no vendor value for [PAID, VOID, UNCOLLECTIBLE]");
	}

	@Test
	void rejectsAnEnumMapThatCannotBeReadBack() {
		Map<String, FieldMappingProperties> invoice = with(VendorSchemas.testInvoiceMapping(), "status",
				new FieldMappingProperties(List.of("status"), null, null, null, null, null, Map.of("DRAFT", "draft", "OPEN", "open",
						"PAID", "paid", "VOID", "void", "UNCOLLECTIBLE", "void"), null, null));
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> compiler().compile(EntityTypes.INVOICE, VendorSchemas.TEST_INVOICE, invoice, Map.of()))
			.withMessageContaining("status.values: 'void' is the vendor value of two names");
	}

	@Test
	void rejectsOverridesOfTypesTheCatalogDoesNotHold() {
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> compiler().checkTypes(Map.of("invoices", Map.of()), Set.of(EntityTypes.CUSTOMER)))
			.withMessage("catalogs.instances.test.mapping.invoices: not an entity type this catalog holds; it holds [customer]");
	}

	@Test
	void shippedMistakesNameTheShippedFile() {
		Map<String, FieldMappingProperties> broken = Map.of("id", FieldMappingProperties.path("nowhere"));
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> compiler().compile(EntityTypes.CUSTOMER, VendorSchemas.STRIPE_CUSTOMER, broken, Map.of()))
			.withMessageStartingWith("io/catalogs/api/mapping/stripe.yml: customer.id.path: 'nowhere'");
	}

	@Test
	void aFallbackPathIsReadWhenThePathIsEmptyAndNeverWritten() {
		EntityMapping mapping = compile(Map.of("phone", fallback("phone", "metadata.mobile")));
		assertThat(mapping.attributes(new RemoteObject("cus_1", Map.of("metadata.mobile", "+1 555")), Links.NONE))
			.containsEntry("phone", "+1 555");
		assertThat(mapping.attributes(new RemoteObject("cus_1", Map.of("phone", "+1 111", "metadata.mobile", "+1 555")),
				Links.NONE)).containsEntry("phone", "+1 111");
		Entity customer = SampleEntities.customer("c", "Ada", "ada@example.com", "+1 111", null, SampleEntities.at(1),
				SampleEntities.at(1));
		assertThat(mapping.toRemote(customer, Links.NONE)).containsEntry("phone", "+1 111").doesNotContainKey("metadata.mobile");
	}

	@Test
	void rejectsAFallbackPathThatIsUnknownOfAnotherKindOrTheFieldsOwn() {
		assertFailure(Map.of("phone", fallback("phone", "phon")), KEY + "phone.fallback: 'phon' is not a path of a Stripe customer");
		assertFailure(Map.of("phone", fallback("phone", "created")),
				KEY + "phone.fallback: 'created' holds INTEGER values, but the path 'phone' holds TEXT");
		assertFailure(Map.of("phone", fallback("phone", "phone")), KEY + "phone.fallback: 'phone' is the field's own path");
	}

	@Test
	void rejectsAFallbackForAFieldOfTwoPaths() {
		assertFailure(Map.of("name", new FieldMappingProperties(List.of("metadata.first", "metadata.last"), "split-name",
				null, null, null, null, null, null, null, List.of("name"))),
				KEY + "name.fallback: fallback paths apply to fields mapped to one path only");
	}

	private static void assertFailure(Map<String, FieldMappingProperties> overrides, String message) {
		assertThatExceptionOfType(InvalidMappingException.class).isThrownBy(() -> compile(overrides))
			.withMessageContaining(message);
	}

	private static EntityMapping compile(Map<String, FieldMappingProperties> overrides) {
		return compiler().compile(EntityTypes.CUSTOMER, VendorSchemas.STRIPE_CUSTOMER,
				MappingDefaults.load("stripe").get("customer"), overrides);
	}

	private static MappingCompiler compiler() {
		return new MappingCompiler("test", "catalogs.instances.test.mapping", MappingDefaults.location("stripe"));
	}

	private static FieldMappingProperties transform(String... names) {
		return new FieldMappingProperties(null, null, List.of(names), null, null, null, null, null, null);
	}

	private static FieldMappingProperties fallback(String path, String... fallbacks) {
		return new FieldMappingProperties(List.of(path), null, null, null, null, null, null, null, null, List.of(fallbacks));
	}

	private static FieldMappingProperties convert(String name) {
		return new FieldMappingProperties(null, name, null, null, null, null, null, null, null);
	}

	private static Map<String, FieldMappingProperties> with(Map<String, FieldMappingProperties> base, String field,
			FieldMappingProperties replacement) {
		Map<String, FieldMappingProperties> copy = new HashMap<>(base);
		copy.put(field, replacement);
		return copy;
	}
}
