import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CouncilAccess, RequestContext } from '@due-regard/identity';
import { IntegrityVerifier } from '../../integrity/integrity-verifier.js';
import { rolesFor } from '../../policy/audit.policy.js';
import { verificationView, type VerificationView } from './verify-integrity.view.js';

@ApiTags('Audit')
@Controller('api/v1/audit/verify')
export class VerifyIntegrityHttpController {
  constructor(
    private readonly verifier: IntegrityVerifier,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @CouncilAccess(...rolesFor('verifyIntegrity'))
  @ApiOkResponse({
    description:
      "Re-hashes every event of the council, checks each stream's chain and head, the chain of signed checkpoints and every head each checkpoint names. `valid` is false when anything fails; `breaks` names the first broken link of each stream (stream, version, reason, expected and found). Roles: auditor, council-admin.",
  })
  async verify(): Promise<VerificationView> {
    return verificationView(await this.verifier.verify(this.context.councilSlug()));
  }
}
