import type { City } from '../../src/platform/context';
import { platformModules, type ModuleOptions } from '../../src/main';
import { sharedJiebaTokenizer, type IntakeModule } from '../../src/modules/intake';
import type { Tokenizer } from '../../src/modules/intake/engine/tokenizer';
import type { Module } from '../../src/platform/module';

/** The demo city every test runs in (CITY_CODE's default). */
export const TEST_CITY: City = { code: '3203', name: '徐州市', provinceCode: '32', provinceName: '江苏省' };

/** The shared jieba tokenizer, built on first use: most test files never tokenize (building it costs ~0.3 s). */
export const lazyJieba: Tokenizer = { words: (text) => sharedJiebaTokenizer().words(text) };

/** The production module list (src/main.ts) as tests run it: models train in-process, no sweep timer. */
export function testModules(
  options: { intake?: Partial<ModuleOptions['intake']>; city?: City; open311?: ModuleOptions['open311'] } = {},
): { modules: Module[]; intake: IntakeModule } {
  return platformModules({
    city: options.city ?? TEST_CITY,
    intake: { tokenizer: lazyJieba, ...options.intake },
    deadlines: { sweepIntervalMs: 0 },
    ...(options.open311 ? { open311: options.open311 } : {}),
  });
}
