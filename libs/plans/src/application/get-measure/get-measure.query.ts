import { Query } from '@nestjs/cqrs';
import type { MeasureDetail } from './get-measure.view.js';

/** A measure, read from its own stream: its definition, every reading (with who and when), its RAG and history. */
export class GetMeasureQuery extends Query<MeasureDetail> {
  constructor(readonly measureId: string) {
    super();
  }
}
