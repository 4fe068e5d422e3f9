// @vigil/anpr: Vietnamese licence-plate reading (grammar, reader, track voting, CLI, generator).
export * from './grammar/format';
export { correctPlate, correctSlots, type CharOption, type Correction, type Slot } from './grammar/correct';
export { PROVINCES, provinceOf, type ProvinceCode } from './grammar/provinces';
export { PlateReader, type PlateRead, type ReaderOptions } from './reader/plate-reader';
export { ImageError, type ImageErrorCode } from './reader/image';
export { voteTrack, type VoteInput, type VoteResult } from './vote/vote';
export { runAnprCli, type AnprCliOptions } from './cli/cli';
export { generateSet, type SetOptions, type SynthItem } from './synth/dataset';
