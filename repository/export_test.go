package repository

// Translate is translate, for the tests of package repository_test.
var Translate = translate
