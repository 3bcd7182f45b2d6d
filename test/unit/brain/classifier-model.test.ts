import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleBrain } from '../../../src/actors/brain/index.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { ClassifierModel } from '../../../src/actors/brain/rule/classifier.js';
import { classifierTrainingOf, packClassifierModel, trainFromTraining, unpackClassifierModel, type PackedClassifierModel } from '../../../src/actors/brain/rule/model-transfer.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

const root = new URL('../../../', import.meta.url);

function heldOut(path: string): string[] {
  return readFileSync(fileURLToPath(new URL(path, root)), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** The model as another thread receives it: packed, structured-cloned with its buffers transferred, unpacked. */
function sentToAnotherThread(model: ClassifierModel): ClassifierModel {
  const { packed, transfer } = packClassifierModel(model);
  const received = structuredClone(packed, { transfer });
  // Transferred, not copied: the sender's buffers are detached.
  expect(packed.w.byteLength).toBe(0);
  return unpackClassifierModel(received);
}

function expectSameReadings(selfTrained: Brain, fromModel: Brain, texts: string[]): void {
  expect(texts.length).toBeGreaterThan(100);
  for (const text of texts) {
    const a = selfTrained.parse(text);
    const b = fromModel.parse(text);
    expect(b.intent.name, text).toBe(a.intent.name);
    expect(b.intent.label, text).toBe(a.intent.label);
    expect(Math.abs(b.intent.confidence - a.intent.confidence), text).toBeLessThan(1e-9);
    expect(b.ranking.map((r) => r.name), text).toEqual(a.ranking.map((r) => r.name));
  }
}

describe('classifier model as plain data', () => {
  const tenants = new Map<string, TenantData>();

  beforeAll(async () => {
    for (const id of ['ferreteria', 'estudio']) tenants.set(id, await loadTenant(fileURLToPath(new URL(`tenants/${id}`, root))));
  });

  it.each([
    ['estudio', 'test/eval/estudio/intents.jsonl'],
    ['ferreteria', 'test/eval/intents.jsonl'],
  ])('should make a brain from the exported %s model that reads every held-out message as the self-trained brain', (id, evalFile) => {
    const tenant = tenants.get(id)!;
    const model = sentToAnotherThread(trainFromTraining(classifierTrainingOf(tenant)));
    expect(model.vectorizer.features.length).toBeGreaterThan(1000);
    expectSameReadings(createRuleBrain({ tenant }), createRuleBrain({ tenant, classifier: model }), heldOut(evalFile));
  });

  it("should refuse a model trained on another tenant's data", () => {
    const estudioModel = trainFromTraining(classifierTrainingOf(tenants.get('estudio')!));
    expect(() => createRuleBrain({ tenant: tenants.get('ferreteria')!, classifier: estudioModel })).toThrow(/trained on other data/);
  });

  it('should refuse a message of another format version or with parts that do not fit', () => {
    const tenant = tenants.get('estudio')!;
    const { packed } = packClassifierModel(trainFromTraining(classifierTrainingOf(tenant)));
    expect(() => unpackClassifierModel({ ...packed, v: 2 } as unknown as PackedClassifierModel)).toThrow(/version 2/);
    const truncated = unpackClassifierModel({ ...packed, w: packed.w.subarray(0, packed.w.length - 1) });
    expect(() => createRuleBrain({ tenant, classifier: truncated })).toThrow(/does not fit together/);
  });
});
