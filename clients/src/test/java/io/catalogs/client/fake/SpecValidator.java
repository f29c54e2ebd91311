package io.catalogs.client.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks requests and responses against a vendor's official OpenAPI file (Atlassian's
 * swagger-request-validator). For Stripe, whose request bodies are
 * {@code application/x-www-form-urlencoded} with {@code deepObject} nesting ({@code metadata[k]=v}),
 * which the validator does not unfold, the body is unfolded here ({@link FormBodies}) into the JSON
 * the form stands for, typed by the operation's schema, and validated against that same schema
 * (mirrored under {@code application/json} at load time).
 */
public final class SpecValidator {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final OpenApiInteractionValidator validator;

	private final JsonNode spec;

	private final boolean unfoldForms;

	private SpecValidator(String resource, boolean unfoldForms) {
		try (InputStream in = SpecValidator.class.getResourceAsStream(resource)) {
			JsonNode tree = MAPPER.readTree(in);
			if (unfoldForms) {
				mirrorFormBodiesAsJson(tree);
			}
			else {
				documentedSearchSorts(tree);
			}
			this.spec = tree;
			this.unfoldForms = unfoldForms;
			this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(MAPPER.writeValueAsString(tree))
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stripe's OpenAPI (cut copy, see specs/README.md), loaded once per test JVM. */
	public static SpecValidator stripe() {
		return StripeHolder.INSTANCE;
	}

	/** HubSpot's CRM Contacts v3 OpenAPI, loaded once per test JVM. */
	public static SpecValidator hubspot() {
		return HubSpotHolder.INSTANCE;
	}

	public List<String> validateRequest(FakeExchange exchange) {
		SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), exchange.path());
		String contentType = exchange.headers().getFirst("Content-Type");
		boolean unfold = this.unfoldForms && contentType != null
				&& contentType.startsWith("application/x-www-form-urlencoded");
		exchange.headers().forEach((name, values) -> {
			if (!(unfold && name.equalsIgnoreCase("Content-Type"))) {
				builder.withHeader(name, values);
			}
		});
		List<String> problems = new ArrayList<>();
		exchange.query().forEach((name, values) -> {
			if (this.unfoldForms && name.contains("[")) {
				values.forEach((value) -> problems.addAll(validateDeepObjectParam(exchange, name, value)));
			}
			else {
				builder.withQueryParam(name, values);
			}
		});
		if (!exchange.body().isEmpty()) {
			if (unfold) {
				JsonNode schema = requestSchema(exchange.method(), exchange.path());
				builder.withContentType("application/json").withBody(FormBodies.unfold(exchange.body(), schema).toString());
			}
			else {
				builder.withBody(exchange.body());
			}
		}
		problems.addAll(messages("request " + exchange.method() + " " + exchange.path(), this.validator.validateRequest(builder.build())));
		return problems;
	}

	public List<String> validateResponse(FakeExchange exchange, FakeResponse response) {
		SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status());
		response.headers().forEach(builder::withHeader);
		if (!response.body().isEmpty()) {
			builder.withBody(response.body());
		}
		return messages("response " + response.status() + " to " + exchange.method() + " " + exchange.path(),
				this.validator.validateResponse(exchange.path(), Request.Method.valueOf(exchange.method()), builder.build()));
	}

	private static List<String> messages(String what, ValidationReport report) {
		List<String> out = new ArrayList<>();
		report.getMessages().stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.forEach((message) -> out.add(what + ": " + message.getKey() + ": " + message.getMessage()));
		return out;
	}

	/**
	 * Checks one {@code name[key]=value} query parameter of a {@code deepObject} parameter (Stripe's
	 * {@code created[gte]=...}) against the parameter's object schema: the validator itself unfolds
	 * such parameters without typing their values, so it would refuse every integer bound.
	 */
	private List<String> validateDeepObjectParam(FakeExchange exchange, String name, String value) {
		String what = "request " + exchange.method() + " " + exchange.path() + ": query parameter " + name;
		String base = name.substring(0, name.indexOf('['));
		String key = name.substring(name.indexOf('[') + 1, name.length() - 1);
		JsonNode parameter = null;
		for (JsonNode candidate : operation(exchange.method(), exchange.path()).path("parameters")) {
			if (candidate.path("name").asText().equals(base) && candidate.path("in").asText().equals("query")) {
				parameter = candidate;
			}
		}
		if (parameter == null || !"deepObject".equals(parameter.path("style").asText())) {
			return List.of(what + ": not a deepObject parameter of the operation");
		}
		List<JsonNode> shapes = new ArrayList<>();
		parameter.path("schema").path("anyOf").forEach(shapes::add);
		shapes.add(parameter.path("schema"));
		for (JsonNode shape : shapes) {
			JsonNode property = shape.path("properties").path(key);
			if (!property.isMissingNode()) {
				return !"integer".equals(property.path("type").asText()) || value.matches("-?\\d+") ? List.of()
						: List.of(what + ": '" + value + "' is not an integer");
			}
		}
		return List.of(what + ": '" + key + "' is not a key of " + base);
	}

	private JsonNode operation(String method, String path) {
		Iterator<Map.Entry<String, JsonNode>> paths = this.spec.get("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> entry = paths.next();
			if (Pattern.matches(entry.getKey().replaceAll("\\{[^}]+}", "[^/]+"), path)) {
				return entry.getValue().path(method.toLowerCase());
			}
		}
		return MAPPER.createObjectNode();
	}

	private JsonNode requestSchema(String method, String path) {
		Iterator<Map.Entry<String, JsonNode>> paths = this.spec.get("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> entry = paths.next();
			String regex = entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
			if (Pattern.matches(regex, path)) {
				JsonNode schema = entry.getValue().path(method.toLowerCase()).path("requestBody").path("content")
					.path("application/x-www-form-urlencoded").path("schema");
				if (!schema.isMissingNode()) {
					return schema;
				}
			}
		}
		return MAPPER.createObjectNode();
	}

	private static void mirrorFormBodiesAsJson(JsonNode tree) {
		tree.get("paths").forEach((pathItem) -> pathItem.forEach((operation) -> {
			JsonNode content = operation.path("requestBody").path("content");
			JsonNode form = content.get("application/x-www-form-urlencoded");
			if (form != null && content instanceof ObjectNode object && !object.has("application/json")) {
				object.set("application/json", MAPPER.createObjectNode().set("schema", form.get("schema")));
			}
		}));
	}

	/**
	 * HubSpot's file types search {@code sorts} as an array of strings, but the API reads sort
	 * objects ({@code {"propertyName": ..., "direction": "ASCENDING"}}, as HubSpot's search guide
	 * documents; string sorts are ignored, see HubSpot/hubspot-api-nodejs#14 and
	 * hubspot-api-python#236). The items are replaced by that object, closed to other keys.
	 */
	private static void documentedSearchSorts(JsonNode tree) {
		JsonNode request = tree.path("components").path("schemas").path("PublicObjectSearchRequest");
		if (request.path("properties").path("sorts") instanceof ObjectNode sorts) {
			ObjectNode sort = MAPPER.createObjectNode().put("type", "object").put("additionalProperties", false);
			sort.putArray("required").add("propertyName").add("direction");
			ObjectNode properties = sort.putObject("properties");
			properties.putObject("propertyName").put("type", "string");
			properties.putObject("direction").put("type", "string").putArray("enum").add("ASCENDING").add("DESCENDING");
			sorts.set("items", sort);
		}
	}

	private static final class StripeHolder {

		static final SpecValidator INSTANCE = new SpecValidator("/specs/stripe-openapi-spec3.cut.json", true);

	}

	private static final class HubSpotHolder {

		static final SpecValidator INSTANCE = new SpecValidator("/specs/hubspot-crm-contacts-v3.fixed.json", false);

	}
}
