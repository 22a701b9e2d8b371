"""The computer seats: negotiators behind one interface; what one party can estimate of another."""
