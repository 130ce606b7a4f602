-- The fleet list's change log on PostgreSQL (server/src/devices/fleet-cache.ts): the triggers of the
-- SQLite migration 20261203210000_fleet_changes in PL/pgSQL. Each is a statement trigger whose
-- argument is the query (over the statement's transition tables n and o) naming the devices it
-- concerns; fleet_stamp bumps a one-row clock and stamps them with its value. The clock's row lock
-- is held to the writer's commit, so versions commit in order: a reader that sees version v has
-- seen every version below it. chair_state and Centre stamp when a column the list shows changes
-- value (SQLite: when it is assigned). fleet_clock is the store's own table (not in the schema).
CREATE TABLE "fleet_clock" (
    "one" BOOLEAN NOT NULL DEFAULT true PRIMARY KEY CHECK ("one"),
    "version" BIGINT NOT NULL
);
INSERT INTO "fleet_clock" ("version") SELECT coalesce(max("version"), 0) FROM "fleet_change";

CREATE FUNCTION fleet_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  v bigint;
BEGIN
  EXECUTE format('SELECT array_agg(DISTINCT id) FROM (%s) AS x(id) WHERE id IS NOT NULL', TG_ARGV[0]) INTO ids;
  IF ids IS NOT NULL THEN
    UPDATE "fleet_clock" SET "version" = "version" + 1 RETURNING "version" INTO v;
    INSERT INTO "fleet_change" ("deviceId", "version") SELECT unnest(ids), v
      ON CONFLICT ("deviceId") DO UPDATE SET "version" = excluded."version";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "fleet_change_device_ins" AFTER INSERT ON "Device" REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT id FROM n');
CREATE TRIGGER "fleet_change_device_upd" AFTER UPDATE ON "Device" REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT id FROM n UNION SELECT id FROM o');
CREATE TRIGGER "fleet_change_device_del" AFTER DELETE ON "Device" REFERENCING OLD TABLE AS o
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT id FROM o');

CREATE TRIGGER "fleet_change_alert_ins" AFTER INSERT ON "Alert" REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM n');
CREATE TRIGGER "fleet_change_alert_upd" AFTER UPDATE ON "Alert" REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM n UNION SELECT "deviceId" FROM o');
CREATE TRIGGER "fleet_change_alert_del" AFTER DELETE ON "Alert" REFERENCING OLD TABLE AS o
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM o');

CREATE TRIGGER "fleet_change_workorder_ins" AFTER INSERT ON "WorkOrder" REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM n');
CREATE TRIGGER "fleet_change_workorder_upd" AFTER UPDATE ON "WorkOrder" REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM n UNION SELECT "deviceId" FROM o');
CREATE TRIGGER "fleet_change_workorder_del" AFTER DELETE ON "WorkOrder" REFERENCING OLD TABLE AS o
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM o');

CREATE TRIGGER "fleet_change_transfer_ins" AFTER INSERT ON "Transfer" REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM n');
CREATE TRIGGER "fleet_change_transfer_upd" AFTER UPDATE ON "Transfer" REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM n UNION SELECT "deviceId" FROM o');
CREATE TRIGGER "fleet_change_transfer_del" AFTER DELETE ON "Transfer" REFERENCING OLD TABLE AS o
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM o');

CREATE TRIGGER "fleet_change_rulestate_ins" AFTER INSERT ON "RuleState" REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM n WHERE rule = ''battery_wear''');
CREATE TRIGGER "fleet_change_rulestate_upd" AFTER UPDATE ON "RuleState" REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM n WHERE rule = ''battery_wear''');
CREATE TRIGGER "fleet_change_rulestate_del" AFTER DELETE ON "RuleState" REFERENCING OLD TABLE AS o
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM o WHERE rule = ''battery_wear''');

CREATE TRIGGER "fleet_change_chair_state_ins" AFTER INSERT ON "chair_state" REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM n');
CREATE TRIGGER "fleet_change_chair_state_upd" AFTER UPDATE ON "chair_state" REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT n."deviceId" FROM n JOIN o ON o.key = n.key
    WHERE (o.online, o."receivedAt", o."socPct", o."voltageV", o."currentA", o."tempC", o.charging, o."fullChargeAh", o."odometerM")
      IS DISTINCT FROM (n.online, n."receivedAt", n."socPct", n."voltageV", n."currentA", n."tempC", n.charging, n."fullChargeAh", n."odometerM")');
CREATE TRIGGER "fleet_change_chair_state_del" AFTER DELETE ON "chair_state" REFERENCING OLD TABLE AS o
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT "deviceId" FROM o');

CREATE TRIGGER "fleet_change_model_upd" AFTER UPDATE ON "DeviceModel" REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT d.id FROM "Device" d JOIN n ON d."modelId" = n.id');
CREATE TRIGGER "fleet_change_centre_upd" AFTER UPDATE ON "Centre" REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT d.id FROM "Device" d JOIN n ON d."centreId" = n.id JOIN o ON o.id = n.id WHERE o.name IS DISTINCT FROM n.name');
CREATE TRIGGER "fleet_change_beneficiary_upd" AFTER UPDATE ON "Beneficiary" REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT d.id FROM "Device" d JOIN n ON d."beneficiaryId" = n.id');

CREATE TRIGGER "fleet_change_consent_ins" AFTER INSERT ON "Consent" REFERENCING NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT d.id FROM "Device" d JOIN n ON d."beneficiaryId" = n."beneficiaryId"');
CREATE TRIGGER "fleet_change_consent_upd" AFTER UPDATE ON "Consent" REFERENCING OLD TABLE AS o NEW TABLE AS n
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT d.id FROM "Device" d WHERE d."beneficiaryId" IN (SELECT "beneficiaryId" FROM n UNION SELECT "beneficiaryId" FROM o)');
CREATE TRIGGER "fleet_change_consent_del" AFTER DELETE ON "Consent" REFERENCING OLD TABLE AS o
  FOR EACH STATEMENT EXECUTE FUNCTION fleet_stamp('SELECT d.id FROM "Device" d JOIN o ON d."beneficiaryId" = o."beneficiaryId"');
