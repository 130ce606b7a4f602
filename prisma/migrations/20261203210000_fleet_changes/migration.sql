-- The fleet list's change log (server/src/devices/fleet-cache.ts): every write to a table the list
-- reads stamps the devices it concerns with a rising version, in the writer's own transaction, so
-- an API process finds what changed since its cache with one indexed read, whichever process (API,
-- bridge, import) wrote. SQLite serialises writers, so max(version) + 1 is always the newest.
-- PostgreSQL twin: the same triggers in PL/pgSQL, with the version taken from a one-row clock updated
-- in the same transaction (its row lock makes versions commit in order).

-- CreateTable
CREATE TABLE "fleet_change" (
    "deviceId" TEXT NOT NULL PRIMARY KEY,
    "version" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "fleet_change_version_idx" ON "fleet_change"("version");

CREATE TRIGGER "fleet_change_device_ins" AFTER INSERT ON "Device" BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (NEW.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_device_upd" AFTER UPDATE ON "Device" BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (NEW.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_device_del" AFTER DELETE ON "Device" BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (OLD.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_alert_ins" AFTER INSERT ON "Alert" WHEN NEW.deviceId IS NOT NULL BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (NEW.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_alert_upd" AFTER UPDATE ON "Alert" BEGIN
  INSERT INTO fleet_change (deviceId, version) SELECT x.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change) FROM (SELECT NEW.deviceId AS id UNION SELECT OLD.deviceId) x WHERE x.id IS NOT NULL
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_alert_del" AFTER DELETE ON "Alert" WHEN OLD.deviceId IS NOT NULL BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (OLD.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_workorder_ins" AFTER INSERT ON "WorkOrder" WHEN NEW.deviceId IS NOT NULL BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (NEW.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_workorder_upd" AFTER UPDATE ON "WorkOrder" BEGIN
  INSERT INTO fleet_change (deviceId, version) SELECT x.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change) FROM (SELECT NEW.deviceId AS id UNION SELECT OLD.deviceId) x WHERE x.id IS NOT NULL
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_workorder_del" AFTER DELETE ON "WorkOrder" WHEN OLD.deviceId IS NOT NULL BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (OLD.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_transfer_ins" AFTER INSERT ON "Transfer" BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (NEW.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_transfer_upd" AFTER UPDATE ON "Transfer" BEGIN
  INSERT INTO fleet_change (deviceId, version) SELECT x.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change) FROM (SELECT NEW.deviceId AS id UNION SELECT OLD.deviceId) x WHERE x.id IS NOT NULL
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_transfer_del" AFTER DELETE ON "Transfer" BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (OLD.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_rulestate_ins" AFTER INSERT ON "RuleState" WHEN NEW.rule = 'battery_wear' BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (NEW.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_rulestate_upd" AFTER UPDATE ON "RuleState" WHEN NEW.rule = 'battery_wear' BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (NEW.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_rulestate_del" AFTER DELETE ON "RuleState" WHEN OLD.rule = 'battery_wear' BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (OLD.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_chair_state_ins" AFTER INSERT ON chair_state BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (NEW.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_chair_state_upd" AFTER UPDATE OF online, receivedAt, socPct, voltageV, currentA, tempC, charging, fullChargeAh, odometerM ON chair_state BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (NEW.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_chair_state_del" AFTER DELETE ON chair_state BEGIN
  INSERT INTO fleet_change (deviceId, version) VALUES (OLD.deviceId, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change))
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_model_upd" AFTER UPDATE ON "DeviceModel" BEGIN
  INSERT INTO fleet_change (deviceId, version) SELECT d.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change) FROM "Device" d WHERE d.modelId = NEW.id
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_centre_upd" AFTER UPDATE OF name ON "Centre" BEGIN
  INSERT INTO fleet_change (deviceId, version) SELECT d.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change) FROM "Device" d WHERE d.centreId = NEW.id
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_beneficiary_upd" AFTER UPDATE ON "Beneficiary" BEGIN
  INSERT INTO fleet_change (deviceId, version) SELECT d.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change) FROM "Device" d WHERE d.beneficiaryId = NEW.id
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_consent_ins" AFTER INSERT ON "Consent" BEGIN
  INSERT INTO fleet_change (deviceId, version) SELECT d.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change) FROM "Device" d WHERE d.beneficiaryId = NEW.beneficiaryId
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_consent_upd" AFTER UPDATE ON "Consent" BEGIN
  INSERT INTO fleet_change (deviceId, version) SELECT d.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change) FROM "Device" d WHERE d.beneficiaryId IN (NEW.beneficiaryId, OLD.beneficiaryId)
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER "fleet_change_consent_del" AFTER DELETE ON "Consent" BEGIN
  INSERT INTO fleet_change (deviceId, version) SELECT d.id, (SELECT coalesce(max(version), 0) + 1 FROM fleet_change) FROM "Device" d WHERE d.beneficiaryId = OLD.beneficiaryId
    ON CONFLICT (deviceId) DO UPDATE SET version = excluded.version;
END;
