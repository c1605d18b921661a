// Placeholder entry point until this benchmark lands.
return 0;
