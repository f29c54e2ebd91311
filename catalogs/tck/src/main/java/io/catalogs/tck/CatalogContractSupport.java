package io.catalogs.tck;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;
import io.catalogs.spi.support.EntityMatcher;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.catalogs.tck.EntityAssertions.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fixture behind {@link AbstractCatalogContractTests}: the two methods a catalog's test supplies
 * and the blocking helpers, seeding and reference comparisons the contract tests are written with.
 * Expected listings are always computed by {@link EntityMatcher} over the data the test wrote.
 */
public abstract class CatalogContractSupport {

	/** How long any single catalog call may take in the tests. */
	protected static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** The catalog under test; the same instance for every test of a class is fine. */
	protected abstract Catalog catalog();

	/** Delete every entity and tombstone of every type from the store; called before each test, may block. */
	protected abstract void clear();

	@BeforeEach
	void startFromEmptyCatalog() {
		clear();
	}

	/** Marks a test that runs once per entity type (skipped for types the catalog does not hold, see {@link #held}). */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@ParameterizedTest(name = "{0}")
	@MethodSource("io.catalogs.tck.CatalogContractSupport#entityTypes")
	protected @interface EachEntityType {

	}

	/** The entity types the suite runs its generic tests for. */
	static Stream<EntityType> entityTypes() {
		return EntityTypes.all().stream();
	}

	/** {@code type}, skipping the test if the catalog does not hold it. */
	protected EntityType held(EntityType type) {
		assumeTrue(catalog().definition().holds(type), () -> "catalog holds no " + type);
		return type;
	}

	/** The entity types the catalog holds that the suite has sample data for. */
	protected List<EntityType> heldTypes() {
		return entityTypes().filter(catalog().definition()::holds).toList();
	}

	protected boolean declares(Capability capability) {
		return catalog().capabilities().contains(capability);
	}

	/** Skip the test unless the catalog declares every one of these capabilities. */
	protected void assumeDeclares(Capability... capabilities) {
		for (Capability capability : capabilities) {
			assumeTrue(declares(capability), () -> "catalog does not declare " + capability);
		}
	}

	protected <T> T block(Mono<T> mono) {
		return mono.block(TIMEOUT);
	}

	protected Entity create(Entity entity) {
		return block(catalog().create(entity));
	}

	protected Optional<Entity> get(EntityType type, UUID id) {
		return block(catalog().get(type, id).map(Optional::of).defaultIfEmpty(Optional.empty()));
	}

	/** The stored entity, failing the test if there is no live one. */
	protected Entity stored(EntityType type, UUID id) {
		return get(type, id).orElseGet(() -> fail("no live %s %s", type, id));
	}

	protected List<Entity> getMany(EntityType type, List<UUID> ids) {
		return block(catalog().getMany(type, ids).collectList());
	}

	protected Page list(EntityType type, PageRequest request) {
		return block(catalog().list(type, request));
	}

	protected Map<Object, Page> listGrouped(EntityType type, String field, List<?> values, PageRequest request) {
		return block(catalog().listGrouped(type, field, values, request));
	}

	/**
	 * Create the standard data set of {@code type} ({@link SampleEntities#standard}) plus one entity
	 * that is then deleted, so that every listing also proves tombstones are left out.
	 * @return the live entities, as created
	 */
	protected List<Entity> seed(EntityType type) {
		for (Entity entity : SampleEntities.standard(type)) {
			create(entity);
		}
		Entity deleted = create(SampleEntities.standardDeleted(type));
		block(catalog().delete(type, deleted.id(), null, SampleEntities.at(500)));
		return SampleEntities.standard(type);
	}

	/** The cursor of {@code entity} as a client would send it back: through its text form. */
	protected Cursor cursor(EntityType type, Entity entity, Sort sort) {
		return Cursor.decode(Cursor.of(entity, sort).encode(type, sort), type, sort);
	}

	/** The page the contract expects for {@code request} over {@code data}. */
	protected static Page reference(List<Entity> data, PageRequest request) {
		return EntityMatcher.window(data.stream(), request);
	}

	/** List with {@code request} and assert the page equals the reference: same ids in order, same flags. */
	protected Page assertListsLikeReference(EntityType type, List<Entity> data, PageRequest request) {
		return assertSamePage(list(type, request), reference(data, request), type + " " + describe(request));
	}

	protected static Page assertSamePage(Page actual, Page expected, String description) {
		assertThat(ids(actual)).as("items of %s", description).containsExactlyElementsOf(ids(expected));
		assertThat(actual.hasPrevious()).as("hasPrevious of %s", description).isEqualTo(expected.hasPrevious());
		assertThat(actual.hasNext()).as("hasNext of %s", description).isEqualTo(expected.hasNext());
		return actual;
	}

	/**
	 * Read the whole listing forwards in windows of {@code request.limit()}, each following the
	 * cursor of the previous window's last item, asserting each window equals the reference.
	 * @return every item seen, in order
	 */
	protected List<Entity> pageForwards(EntityType type, List<Entity> data, PageRequest request) {
		List<Entity> seen = new ArrayList<>();
		PageRequest next = request;
		for (int pages = 0; pages <= data.size() + 1; pages++) {
			Page page = assertListsLikeReference(type, data, next);
			seen.addAll(page.items());
			if (!page.hasNext()) {
				return seen;
			}
			assertThat(page.items()).as("a page with hasNext has items").isNotEmpty();
			next = next.after(cursor(type, page.items().get(page.items().size() - 1), request.sort()));
		}
		return fail("paging forwards did not end: %s", describe(request));
	}

	/** As {@link #pageForwards}, backwards from the end with {@code before} cursors; items in listing order. */
	protected List<Entity> pageBackwards(EntityType type, List<Entity> data, PageRequest request) {
		List<Entity> seen = new ArrayList<>();
		PageRequest previous = request.fromEnd();
		for (int pages = 0; pages <= data.size() + 1; pages++) {
			Page page = assertListsLikeReference(type, data, previous);
			seen.addAll(0, page.items());
			if (!page.hasPrevious()) {
				return seen;
			}
			assertThat(page.items()).as("a page with hasPrevious has items").isNotEmpty();
			previous = previous.before(cursor(type, page.items().get(0), request.sort()));
		}
		return fail("paging backwards did not end: %s", describe(request));
	}

	/**
	 * The error {@code call} signals, asserting the catalog method signalled it rather than
	 * throwing it and emitted no item before it.
	 */
	protected Throwable errorOf(Supplier<? extends Publisher<?>> call) {
		AtomicReference<Publisher<?>> publisher = new AtomicReference<>();
		assertThatCode(() -> publisher.set(call.get())).as("catalog methods signal errors, never throw them")
			.doesNotThrowAnyException();
		AtomicReference<Throwable> error = new AtomicReference<>();
		StepVerifier.create(publisher.get()).expectErrorSatisfies(error::set).verify(TIMEOUT);
		return error.get();
	}

	protected static String describe(PageRequest request) {
		return "listing where " + request.conditions() + " by " + request.sort() + " limit " + request.limit()
				+ (request.backward() ? " backward" : "") + (request.after() != null ? " after " + request.after() : "")
				+ (request.before() != null ? " before " + request.before() : "");
	}

	/** {@code entity} with another version and deleted flag, everything else kept. */
	protected static Entity versioned(Entity entity, long version, boolean deleted) {
		return new Entity(entity.type(), entity.id(), version, entity.createdAt(), entity.updatedAt(), deleted,
				entity.attributes());
	}
}
