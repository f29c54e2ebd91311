-- The tables of the postgres catalog. Every table starts with the same system columns; then one
-- column per entity field, named as the snake_case of the field (see TableMapping). Attribute
-- columns are nullable because a tombstone received from another catalog may carry no attributes;
-- the gateway validates required fields. No foreign keys: sync may deliver an invoice before its
-- customer.
--
-- Listing indexes are partial (WHERE NOT deleted, as every listing reads only live rows) and end in
-- (sort column NULLS FIRST, id): the order of an ascending listing, and read backwards the order of
-- a descending one, so that both directions and keyset windows are index scans.

CREATE TABLE customers (
	id uuid PRIMARY KEY,
	version bigint NOT NULL,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL,
	deleted boolean NOT NULL DEFAULT false,
	name text,
	email text,
	phone text,
	metadata jsonb
);

CREATE INDEX customers_email ON customers (email, created_at NULLS FIRST, id) WHERE NOT deleted;
CREATE INDEX customers_created_at ON customers (created_at NULLS FIRST, id) WHERE NOT deleted;
CREATE INDEX customers_updated_at ON customers (updated_at NULLS FIRST, id) WHERE NOT deleted;

CREATE TABLE invoices (
	id uuid PRIMARY KEY,
	version bigint NOT NULL,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL,
	deleted boolean NOT NULL DEFAULT false,
	customer_id uuid,
	number text,
	amount numeric,
	currency text,
	status text,
	issued_at timestamptz,
	due_at timestamptz
);

-- a customer's invoices (the grouped listing behind Customer.invoices), in the default order
CREATE INDEX invoices_customer_created_at ON invoices (customer_id, created_at NULLS FIRST, id) WHERE NOT deleted;
CREATE INDEX invoices_status_created_at ON invoices (status, created_at NULLS FIRST, id) WHERE NOT deleted;
CREATE INDEX invoices_created_at ON invoices (created_at NULLS FIRST, id) WHERE NOT deleted;
CREATE INDEX invoices_issued_at ON invoices (issued_at NULLS FIRST, id) WHERE NOT deleted;
CREATE INDEX invoices_amount ON invoices (amount NULLS FIRST, id) WHERE NOT deleted;

-- Name search (CONTAINS, run as ILIKE '%...%') uses a trigram index when pg_trgm can be installed;
-- without it (no privilege, extension not shipped) the migration still succeeds and the search
-- scans the table. The operator class is qualified with the schema the extension lives in, which
-- may be another catalog's schema of the same database.
DO $$
DECLARE
	trgm_schema text;
BEGIN
	BEGIN
		CREATE EXTENSION IF NOT EXISTS pg_trgm;
	EXCEPTION WHEN OTHERS THEN
		RAISE WARNING 'pg_trgm is not available (%): customer name search will scan the table', SQLERRM;
		RETURN;
	END;
	SELECT n.nspname INTO trgm_schema
	FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	WHERE e.extname = 'pg_trgm';
	EXECUTE format('CREATE INDEX customers_name_trgm ON customers USING gin (name %I.gin_trgm_ops) WHERE NOT deleted',
		trgm_schema);
END
$$;
