// Intentionally empty until its issue lands: this package has no public API yet.
export {}
