export interface AdaptDemoFlags {
  out?: string;
  python?: string;
}

/** Runs `culturekit adapt demo`. */
export async function runAdaptDemoCommand(_flags: AdaptDemoFlags): Promise<void> {
  throw new Error('not yet');
}
