enum _LinliTesting {}
