using Dixis.Gateway.Tests.Infrastructure;

// One gateway with its downstream services for the whole assembly: starting hosts is the slow part of these tests.
[assembly: AssemblyFixture(typeof(GatewayFixture))]
