import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * Serves the OpenAPI document at `/openapi.json` and the interactive page (Swagger UI, shipped
 * with the package, nothing fetched from elsewhere) at `/docs`. Both are open: they describe the
 * API, every operation of which needs a bearer token.
 */
export function serveOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Tessera API')
    .setDescription(
      'The public API of Tessera, the control plane for composable infrastructure. Every ' +
        'operation needs `Authorization: Bearer <token>` (an API token or an OIDC access ' +
        'token); errors are `application/problem+json`.',
    )
    .setVersion('v1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API token or OIDC token' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    customSiteTitle: 'Tessera API',
  });
}
