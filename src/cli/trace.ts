import { notBuilt } from './not-built';

export function main(_args: string[]): number {
  return notBuilt('trace');
}
